0606a0
family:     6 (0x06)
model:    106 (0x6a)
stepping:   0 (0x00)
