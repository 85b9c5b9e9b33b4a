0206f2
family:     6 (0x06)
model:     47 (0x2f)
stepping:   2 (0x02)
