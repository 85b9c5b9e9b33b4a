100f23
family:    16 (0x10)
model:      2 (0x02)
stepping:   3 (0x03)
