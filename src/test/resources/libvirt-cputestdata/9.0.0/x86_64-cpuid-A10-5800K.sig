610f01
family:    21 (0x15)
model:     16 (0x10)
stepping:   1 (0x01)
