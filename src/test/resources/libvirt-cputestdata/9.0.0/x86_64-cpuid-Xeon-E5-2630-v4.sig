0406f1
family:     6 (0x06)
model:     79 (0x4f)
stepping:   1 (0x01)
