020652
family:     6 (0x06)
model:     37 (0x25)
stepping:   2 (0x02)
