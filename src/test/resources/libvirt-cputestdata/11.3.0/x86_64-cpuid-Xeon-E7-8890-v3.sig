0306f4
family:     6 (0x06)
model:     63 (0x3f)
stepping:   4 (0x04)
