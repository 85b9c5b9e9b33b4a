080665
family:     6 (0x06)
model:    134 (0x86)
stepping:   5 (0x05)
