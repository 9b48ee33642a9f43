// The Nest CLI's OpenAPI plugin for ts-jest, so tests see the same API document as `nest build`.
const transformer = require('@nestjs/swagger/plugin');
const options = require('../../nest-cli.json').compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger').options;

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) => transformer.before(options, compiler.program);
