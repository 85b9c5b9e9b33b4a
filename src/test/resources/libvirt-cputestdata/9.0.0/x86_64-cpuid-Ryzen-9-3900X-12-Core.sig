870f10
family:    23 (0x17)
model:    113 (0x71)
stepping:   0 (0x00)
