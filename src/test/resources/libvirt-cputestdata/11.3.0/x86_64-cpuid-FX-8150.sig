600f12
family:    21 (0x15)
model:      1 (0x01)
stepping:   2 (0x02)
