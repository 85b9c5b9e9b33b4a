01067a
family:     6 (0x06)
model:     23 (0x17)
stepping:  10 (0x0a)
