0306a9
family:     6 (0x06)
model:     58 (0x3a)
stepping:   9 (0x09)
