800f12
family:    23 (0x17)
model:      1 (0x01)
stepping:   2 (0x02)
