throw new Error('onnxruntime-node is replaced by a stand-in here: GLiNER.js runs only in the browser benchmark (bench/peers/README.md)');
