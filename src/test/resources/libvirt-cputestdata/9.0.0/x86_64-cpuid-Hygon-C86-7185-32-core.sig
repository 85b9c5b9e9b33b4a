900f01
family:    24 (0x18)
model:      0 (0x00)
stepping:   1 (0x01)
