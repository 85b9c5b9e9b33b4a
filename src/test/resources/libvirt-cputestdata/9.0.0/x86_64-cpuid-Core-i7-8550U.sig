0806ea
family:     6 (0x06)
model:    142 (0x8e)
stepping:  10 (0x0a)
