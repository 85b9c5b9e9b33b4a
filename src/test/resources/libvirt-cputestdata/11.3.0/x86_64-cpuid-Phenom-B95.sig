100f42
family:    16 (0x10)
model:      4 (0x04)
stepping:   2 (0x02)
