// Texts captured on the hybrid development host (Debian 12, kernel 6.18) and typical v1 and v2 hosts.
enum Fixtures {
    /// /proc/self/mountinfo of the hybrid host: v1 controllers each on its own hierarchy, cgroup2 at /sys/fs/cgroup/unified.
    static let hybridMountInfo = #"""
22 27 0:21 / /proc rw,relatime - proc proc rw
23 27 0:22 / /sys rw,relatime - sysfs sysfs rw
24 27 0:6 / /dev rw,relatime - devtmpfs devtmpfs rw,size=12334492k,nr_inodes=3083623,mode=755
25 24 0:23 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24684092k
26 24 0:24 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
27 1 254:0 / / rw,relatime - ext4 /dev/vda rw,discard,resv_strict,resuid=65534,resgid=65534
28 27 0:25 / /mnt/sandboxing/model_tools_env/v1/python ro,nosuid,nodev,relatime - tmpfs model_tools_unavailable ro,size=4k,mode=755
29 26 0:26 / /dev/pts rw,relatime - devpts devpts rw,mode=600,ptmxmode=000
30 25 0:27 / /dev/shm rw,relatime - tmpfs tmpfs rw,size=24684092k
31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
"""#

    /// /proc/cgroups of the hybrid host: hugetlb, net_cls, net_prio, perf_event have no v1 hierarchy (0).
    static let hybridProcCgroups = #"""
#subsys_name	hierarchy	num_cgroups	enabled
cpuset	3	2	1
cpu	1	2	1
cpuacct	2	2	1
blkio	7	2	1
memory	4	39	1
devices	5	2	1
freezer	6	2	1
net_cls	0	3	1
perf_event	0	3	1
net_prio	0	3	1
hugetlb	0	3	1
pids	8	2	1
"""#

    /// /proc/self/cgroup of a process on the hybrid host.
    static let hybridSelfCgroup = #"""
9:name=systemd:/
8:pids:/
7:blkio:/
6:freezer:/
5:devices:/
4:memory:/process_api/dfe8f039b16f4990890ad13832dd27d9
3:cpuset:/
2:cpuacct:/
1:cpu:/
0::/
"""#

    /// A classic v1 host: cpu and cpuacct co-mounted, net_cls and net_prio co-mounted, mount point with an escaped space.
    static let v1MountInfo = """
    25 20 0:22 / /sys/fs/cgroup ro,nosuid,nodev,noexec shared:9 - tmpfs tmpfs ro,mode=755
    26 25 0:23 / /sys/fs/cgroup/systemd rw,nosuid,nodev,noexec,relatime shared:10 - cgroup cgroup rw,xattr,name=systemd
    29 25 0:26 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid,nodev,noexec,relatime shared:13 - cgroup cgroup rw,cpu,cpuacct
    30 25 0:27 / /sys/fs/cgroup/net_cls,net_prio rw,nosuid,nodev,noexec,relatime shared:14 - cgroup cgroup rw,net_cls,net_prio
    31 25 0:28 / /sys/fs/cgroup/memory rw,nosuid,nodev,noexec,relatime shared:15 - cgroup cgroup rw,memory
    32 25 0:29 / /sys/fs/cgroup/my\\040pids rw,nosuid,nodev,noexec,relatime shared:16 - cgroup cgroup rw,pids,clone_children
    33 31 0:28 / /mnt/memory-again rw,relatime shared:15 - cgroup cgroup rw,memory
    """

    static let v1ProcCgroups = """
    #subsys_name\thierarchy\tnum_cgroups\tenabled
    cpu\t3\t1\t1
    cpuacct\t3\t1\t1
    memory\t5\t1\t1
    pids\t6\t1\t1
    net_cls\t4\t1\t1
    net_prio\t4\t1\t1
    """

    /// A pure cgroup v2 host.
    static let v2MountInfo = """
    24 30 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
    26 24 0:24 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
    """

    static let v2ProcCgroups = """
    #subsys_name\thierarchy\tnum_cgroups\tenabled
    cpu\t0\t80\t1
    memory\t0\t80\t1
    """
}
