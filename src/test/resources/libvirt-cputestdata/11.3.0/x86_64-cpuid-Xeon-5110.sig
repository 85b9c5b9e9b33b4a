0006f6
family:     6 (0x06)
model:     15 (0x0f)
stepping:   6 (0x06)
