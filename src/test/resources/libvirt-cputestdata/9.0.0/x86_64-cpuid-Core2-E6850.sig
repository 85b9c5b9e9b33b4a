0006fb
family:     6 (0x06)
model:     15 (0x0f)
stepping:  11 (0x0b)
