0206e6
family:     6 (0x06)
model:     46 (0x2e)
stepping:   6 (0x06)
