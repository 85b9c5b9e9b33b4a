05065b
family:     6 (0x06)
model:     85 (0x55)
stepping:  11 (0x0b)
