import type { Recognizer } from '../recognizer.js';

export const ngVehicleRegistrationRecognizer: Recognizer = {
  id: 'ng-vehicle-registration',
  type: 'NG_VEHICLE_REGISTRATION',
  pack: 'ng',
  patterns: [{ name: 'Plate (2011)', regex: /(?<![\w\-])[A-Z]{3}[\- ]?\d{3}[A-Z]{2}(?![\w])/g, score: 0.5 }],
  context: ['plate number', 'vehicle registration', 'license plate', 'licence plate', 'number plate', 'plate', 'vehicle', 'registration'],
};
