0806e9
family:     6 (0x06)
model:    142 (0x8e)
stepping:   9 (0x09)
