0906ea
family:     6 (0x06)
model:    158 (0x9e)
stepping:  10 (0x0a)
