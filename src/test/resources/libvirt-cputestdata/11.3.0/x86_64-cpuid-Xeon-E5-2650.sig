0206d7
family:     6 (0x06)
model:     45 (0x2d)
stepping:   7 (0x07)
