"""The Jupyter project's kernel conformance suite (jupyter_kernel_test) against the latentbench kernel.

Run: JUPYTER_PATH=<prefix>/share/jupyter /usr/bin/python3 -m unittest -v test_kernel_conformance
"""
import unittest

import jupyter_kernel_test

import kernel_client


class LatentbenchKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = kernel_client.KERNEL_NAME
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.floorM", "matches": {"floorMod("}},
        {"text": "System.out.printl", "matches": {"println("}},
        {"text": "%%mark", "matches": {"markdown"}},
    ]

    complete_code_samples = ["int x = 1;", 'System.out.println("hi");', "class A {}", "%%html\n<p>unclosed"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int y = (1 +", "class B {"]
    invalid_code_samples = ["int z = 1;)", 'String s = "open;']

    code_generate_error = 'throw new IllegalStateException("boom");'

    code_execute_result = [
        {"code": "6*7", "result": "42"},
        {"code": '"hello" + ", world"', "result": "hello, world"},
        {"code": 'Table.create("t", IntColumn.create("a", 1, 2))', "mime": "text/html"},
    ]

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": 'XYChart c = new XYChart(200, 100); c.addSeries("s", new double[]{1, 2}, new double[]{2, 1}); display(c);',
         "mime": "image/png"},
        {"code": 'display(c, "image/svg+xml");', "mime": "image/svg+xml"},
        {"code": "%%markdown\n# A title", "mime": "text/markdown"},
    ]

    code_history_pattern = "6?7"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.max"

    code_clear_output = "clearOutput();"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # The session (JShell and the imports) starts beside the kernel's sockets; let the first
        # cell wait for it here, not under the suite's 15 s per-message timeout.
        reply, _, _ = kernel_client.execute(cls.kc, "1", timeout=kernel_client.STARTUP_TIMEOUT)
        assert reply["status"] == "ok", reply


if __name__ == "__main__":
    unittest.main()
