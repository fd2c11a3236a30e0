"""Interrupt, restart, 500 cells in one session, and the kernel's latencies.

Run: JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v test_kernel_lifecycle
"""
import statistics
import time
import unittest

import kernel_client
from kernel_client import execute, text_result

HEAP_MB = (
    "System.gc(); Thread.sleep(100); System.gc();\n"
    "(Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20"
)


class KernelLifecycle(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc, cls.ready = kernel_client.start()
        reply, outputs, cls.first_cell = execute(cls.kc, "6*7")
        assert reply["status"] == "ok" and text_result(outputs) == "42", (reply, outputs)
        cls.later_cells = []
        for i in range(10):
            reply, outputs, elapsed = execute(cls.kc, f"{i} + 1")
            assert text_result(outputs) == str(i + 1)
            cls.later_cells.append(elapsed)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel(now=False)
        print(
            f"\nLATENCY kernel ready {cls.ready:.2f} s; first cell {cls.first_cell:.2f} s; "
            f"later cells median {statistics.median(cls.later_cells):.3f} s, "
            f"min {min(cls.later_cells):.3f} s, max {max(cls.later_cells):.3f} s",
            flush=True,
        )

    def assert_interrupted(self, code):
        msg_id = self.kc.execute(code)
        time.sleep(1.5)
        t0 = time.monotonic()
        self.km.interrupt_kernel()
        while True:
            reply = self.kc.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        stopped_after = time.monotonic() - t0
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "InterruptedException")
        self.assertLess(stopped_after, 5.0)
        self.assertTrue(self.km.is_alive())
        print(f"\nINTERRUPT {code!r} stopped {stopped_after:.3f} s after the interrupt request", flush=True)

    def test_interrupt_stops_a_busy_loop_and_the_kernel_lives(self):
        self.assert_interrupted("long spins = 0;\nwhile (true) { spins++; }")
        reply, outputs, _ = execute(self.kc, "spins > 0")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(text_result(outputs), "true")

    def test_interrupt_stops_a_sleeping_cell(self):
        self.assert_interrupted("Thread.sleep(600_000);")
        reply, outputs, _ = execute(self.kc, '"still here"')
        self.assertEqual(text_result(outputs), "still here")

    def test_kernel_libraries_stay_off_the_notebook_class_path(self):
        for cls in ("com.google.gson.Gson", "org.dflib.jjava.jupyter.kernel.BaseKernel"):
            reply, _, _ = execute(self.kc, f'Class.forName("{cls}")')
            self.assertEqual(reply["status"], "error", cls)
            self.assertEqual(reply["ename"], "ClassNotFoundException", cls)
        reply, outputs, _ = execute(self.kc, "%classpath")
        listing = "".join(m["content"].get("text", "") for m in outputs if m["msg_type"] == "stream")
        self.assertIn("tablesaw-core", listing)
        for jar in ("jjava", "gson", "latentbench-kernel.jar"):
            self.assertNotIn(jar, listing)
        # Tablesaw logs through slf4j: the notebook's binding is the no-op one, so nothing reaches stderr
        reply, outputs, _ = execute(self.kc, 'org.slf4j.LoggerFactory.getLogger("notebook").getClass().getName()')
        self.assertEqual(text_result(outputs), "org.slf4j.helpers.NOPLogger")
        self.assertFalse([m for m in outputs if m["msg_type"] == "stream" and m["content"]["name"] == "stderr"])

    def test_memory_500_cells_keep_the_heap_bounded(self):
        """Each cell redeclares a 1 MB array: without releasing the old values the heap would grow by 500 MB."""
        heap = {}
        for i in range(1, 501):
            kind = i % 4
            if kind == 0:
                code = f"var data = new float[262_144];\ndata[0] = {i};\ndata.length"
            elif kind == 1:
                code = f"String label = \"cell \" + {i};\nlabel.length()"
            elif kind == 2:
                code = f"List<Integer> xs = new ArrayList<>();\nfor (int k = 0; k < 100; k++) xs.add(k * {i});\nxs.size()"
            else:
                code = f"System.out.println(\"cell {i}\");"
            reply, outputs, _ = execute(self.kc, code)
            self.assertEqual(reply["status"], "ok", (i, reply))
            if i in (100, 500):
                reply, outputs, _ = execute(self.kc, HEAP_MB)
                self.assertEqual(reply["status"], "ok", reply)
                heap[i] = int(text_result(outputs))
        growth = heap[500] - heap[100]
        print(f"\nHEAP after 100 cells {heap[100]} MB, after 500 cells {heap[500]} MB "
              f"(growth {growth} MB over 400 cells, 100 of them holding 1 MB each)", flush=True)
        self.assertLess(growth, 40)

    def test_restart_gives_a_fresh_session(self):
        reply, outputs, _ = execute(self.kc, "int survivor = 1;\nProcessHandle.current().pid()")
        pid_before = text_result(outputs)
        self.km.restart_kernel(now=False)
        self.kc.wait_for_ready(timeout=kernel_client.STARTUP_TIMEOUT)
        reply, outputs, _ = execute(self.kc, "ProcessHandle.current().pid()")
        self.assertEqual(reply["status"], "ok")
        self.assertNotEqual(text_result(outputs), pid_before)
        reply, _, _ = execute(self.kc, "survivor")
        self.assertEqual(reply["status"], "error")
        self.assertEqual(reply["ename"], "CompilationException")
        reply, outputs, _ = execute(self.kc, "1 + 1")
        self.assertEqual(text_result(outputs), "2")


if __name__ == "__main__":
    unittest.main()
