0306d4
family:     6 (0x06)
model:     61 (0x3d)
stepping:   4 (0x04)
