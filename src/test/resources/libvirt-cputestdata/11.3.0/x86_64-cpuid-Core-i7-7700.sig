0906e9
family:     6 (0x06)
model:    158 (0x9e)
stepping:   9 (0x09)
