0506e3
family:     6 (0x06)
model:     94 (0x5e)
stepping:   3 (0x03)
