050654
family:     6 (0x06)
model:     85 (0x55)
stepping:   4 (0x04)
