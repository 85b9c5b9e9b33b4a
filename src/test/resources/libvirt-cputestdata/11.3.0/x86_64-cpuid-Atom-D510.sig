0106ca
family:     6 (0x06)
model:     28 (0x1c)
stepping:  10 (0x0a)
