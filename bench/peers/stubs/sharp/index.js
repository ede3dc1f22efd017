throw new Error('sharp is replaced by a stand-in here: GLiNER.js runs only in the browser benchmark (bench/peers/README.md)');
