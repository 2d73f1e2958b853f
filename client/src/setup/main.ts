import '../styles.css';
import './setup.css';
import { byId } from '../dom.js';
import { showSetup } from './page.js';

void showSetup(byId('setup'));
