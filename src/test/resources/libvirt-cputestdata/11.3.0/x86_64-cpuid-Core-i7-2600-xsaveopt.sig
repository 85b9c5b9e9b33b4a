0206a7
family:     6 (0x06)
model:     42 (0x2a)
stepping:   7 (0x07)
