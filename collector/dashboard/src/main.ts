/** The dashboard bundle: defines every element; index.html holds `<wom-dashboard>`. */
import { WomDashboard } from './app/app.element.js';
import { WomCascadeTree } from './cascade-tree/cascade-tree.element.js';
import { WomChart } from './chart/chart.element.js';
import { WomOverview } from './overview/overview.element.js';
import { WomPageDetail } from './page-detail/page-detail.element.js';
import { WomReviews } from './reviews/reviews.element.js';
import { WomSignIn } from './sign-in/sign-in.element.js';

for (const element of [WomChart, WomCascadeTree, WomSignIn, WomOverview, WomPageDetail, WomReviews, WomDashboard]) element.define();
