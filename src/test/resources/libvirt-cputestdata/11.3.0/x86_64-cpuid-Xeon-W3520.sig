0106a5
family:     6 (0x06)
model:     26 (0x1a)
stepping:   5 (0x05)
