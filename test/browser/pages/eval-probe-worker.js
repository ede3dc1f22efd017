// Tells the page whether a worker served like the engine's may build code from strings.
try {
  (0, eval)('1');
  postMessage('allowed');
} catch (error) {
  postMessage(`refused: ${error.name}`);
}
