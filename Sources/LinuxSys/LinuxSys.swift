import CLinuxShim
