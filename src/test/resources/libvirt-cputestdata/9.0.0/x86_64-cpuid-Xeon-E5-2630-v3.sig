0306f2
family:     6 (0x06)
model:     63 (0x3f)
stepping:   2 (0x02)
