800f11
family:    23 (0x17)
model:      1 (0x01)
stepping:   1 (0x01)
