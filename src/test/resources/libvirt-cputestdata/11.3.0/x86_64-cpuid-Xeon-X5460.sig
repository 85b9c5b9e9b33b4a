010676
family:     6 (0x06)
model:     23 (0x17)
stepping:   6 (0x06)
