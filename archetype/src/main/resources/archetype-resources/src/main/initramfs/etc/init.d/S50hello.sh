# Hook scripts: the default /etc/init.d/rcS runs /etc/init.d/S??* in order at boot, after /proc, /sys
# and /dev are mounted. Files ending in .sh are run with sh, others must be executable.
# Replace this one with what your image needs: load modules, bring up the network, mount disks...
echo "rescue image: hooks ran, $(busybox | head -n 1)"
