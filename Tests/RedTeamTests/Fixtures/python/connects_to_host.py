# Attack: scan every TCP port of 127.0.0.1 and the usual host addresses for a listener, and talk to it.
import socket

connected = []
for host in ("127.0.0.1", "172.17.0.1", "10.0.2.2"):
    for port in range(1, 65536):
        s = socket.socket()
        s.settimeout(0.001)
        try:
            s.connect((host, port))
            # A connection to itself (source port == destination port) is no listener.
            if s.getsockname() != s.getpeername():
                s.sendall(b"pwned\n")
                connected.append((host, port))
        except OSError:
            pass
        finally:
            s.close()
        if host != "127.0.0.1" and port > 16:
            break
raise ImportError(f"connected: {connected}")
