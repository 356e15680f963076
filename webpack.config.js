import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import HtmlWebpackPlugin from 'html-webpack-plugin';

const root = dirname(fileURLToPath(import.meta.url));

/** The tab bundle: src/tab -> dist/tab, served by the app at /tab/. */
export default (_env, argv) => ({
  mode: argv.mode ?? 'production',
  entry: resolve(root, 'src/tab/index.tsx'),
  output: { path: resolve(root, 'dist/tab'), publicPath: '/tab/', filename: '[name].[contenthash:8].js', clean: true },
  resolve: { extensions: ['.tsx', '.ts', '.js'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              target: 'es2020',
              transform: { react: { runtime: 'automatic' } },
            },
          },
        },
      },
    ],
  },
  plugins: [
    new HtmlWebpackPlugin({
      template: resolve(root, 'src/tab/index.html'),
      favicon: resolve(root, 'manifest/color.png'),
    }),
  ],
  devtool: argv.mode === 'development' ? 'eval-source-map' : false,
  performance: { hints: false },
  stats: 'errors-warnings',
});
