import webConfig from '../../libs/web/eslint.config.mjs';

export default [...webConfig];
