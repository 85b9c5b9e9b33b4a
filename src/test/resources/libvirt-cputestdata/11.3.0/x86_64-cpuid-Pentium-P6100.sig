020655
family:     6 (0x06)
model:     37 (0x25)
stepping:   5 (0x05)
