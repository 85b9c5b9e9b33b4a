0306c3
family:     6 (0x06)
model:     60 (0x3c)
stepping:   3 (0x03)
