040651
family:     6 (0x06)
model:     69 (0x45)
stepping:   1 (0x01)
