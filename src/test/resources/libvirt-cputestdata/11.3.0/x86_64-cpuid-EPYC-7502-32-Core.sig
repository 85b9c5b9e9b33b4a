830f10
family:    23 (0x17)
model:     49 (0x31)
stepping:   0 (0x00)
