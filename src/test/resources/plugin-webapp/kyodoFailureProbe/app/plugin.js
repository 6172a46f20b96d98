// Test-only plugin (jp.kyodo.platform.probe.FailureProbe): adds nothing to the page.
export default [];
